/** The README's Express Mode commands. */
export const STEPS = {
  createService:
    'Create the service (Express Mode creates the default cluster, load balancer, certificate, scaling and log group): `aws ecs create-express-gateway-service --cli-input-json file://ecs/express-gateway-service.json`',
} as const;

/** The README's Express Mode notes: where its load balancer goes. */
export const NOTES = {
  privateSubnets:
    'The service is private: Express Mode places its load balancer in the subnets you list, so list private subnets.',
  defaultVpc:
    'Without a networkConfiguration Express Mode uses the default VPC and its public subnets for the load balancer.',
} as const;
