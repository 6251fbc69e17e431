import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH } from '../../src/project-paths';

const document = loadOpenApiDocument(OPENAPI_PATH).json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, 'openapi.json');
const validators = new Map<string, ValidateFunction>();

/** Checks a value against a schema of openapi.yaml (components.schemas.<name>); returns the errors, [] if valid. */
export function schemaErrors(schemaName: string, value: unknown): string[] {
  let validate = validators.get(schemaName);
  if (validate === undefined) {
    const compiled = ajv.getSchema(`openapi.json#/components/schemas/${schemaName}`);
    if (compiled === undefined) throw new Error(`openapi.yaml has no schema ${schemaName}`);
    validate = compiled;
    validators.set(schemaName, validate);
  }
  return validate(value)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
