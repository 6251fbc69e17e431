import { parseProfiles, parseVariables } from '../../src/workbench/application/compose-inputs';

describe('the variables editor', () => {
  const cases: { given: string; want: ReturnType<typeof parseVariables> }[] = [
    { given: '', want: { ok: true, variables: {} } },
    {
      given: 'TAG=1.27\nREGION=eu-west-1',
      want: { ok: true, variables: { TAG: '1.27', REGION: 'eu-west-1' } },
    },
    { given: '# the image tag\n\nTAG=1.27\n', want: { ok: true, variables: { TAG: '1.27' } } },
    { given: 'URL=postgres://h/db?a=b', want: { ok: true, variables: { URL: 'postgres://h/db?a=b' } } },
    { given: ' SPACED = kept as typed', want: { ok: true, variables: { SPACED: ' kept as typed' } } },
    { given: 'EMPTY=', want: { ok: true, variables: { EMPTY: '' } } },
    {
      given: 'TAG=1\njust words\n1BAD=x',
      want: {
        ok: false,
        errors: [
          { line: 2, message: 'has no "=": write NAME=value' },
          {
            line: 3,
            message:
              'names "1BAD", which is not a variable name (letters, digits and _, not starting with a digit)',
          },
        ],
      },
    },
  ];
  it.each(cases)('reads $given', ({ given, want }) => {
    expect(parseVariables(given)).toEqual(want);
  });
});

describe('the profiles field', () => {
  const cases: { given: string; want: string[] }[] = [
    { given: '', want: [] },
    { given: 'debug', want: ['debug'] },
    { given: 'debug, jobs  tools,debug', want: ['debug', 'jobs', 'tools'] },
  ];
  it.each(cases)('reads "$given"', ({ given, want }) => {
    expect(parseProfiles(given)).toEqual(want);
  });
});
