/** The README's fixed AWS Batch commands; the parametrised ones are the functions below. */
export const STEPS = {
  createComputeEnvironment:
    'Create the compute environment: `aws batch create-compute-environment --cli-input-json file://batch/compute-environment.json`',
  createJobQueue: (computeEnvironment: string) =>
    `Wait until the compute environment is VALID (\`aws batch describe-compute-environments --compute-environments ${computeEnvironment} --query 'computeEnvironments[0].status'\`), then create the job queue: \`aws batch create-job-queue --cli-input-json file://batch/job-queue.json\``,
  registerJobDefinition:
    'Register the job definition: `aws batch register-job-definition --cli-input-json file://batch/job-definition.json`',
  instanceProfile: (role: string) =>
    `Give the compute environment's instances their role through an instance profile: \`aws iam create-instance-profile --instance-profile-name ${role}\` then \`aws iam add-role-to-instance-profile --instance-profile-name ${role} --role-name ${role}\``,
  securityGroup: (name: string, vpc: string) =>
    `Create the jobs' security group (no inbound rules: nothing connects to a job), then copy its GroupId: \`aws ec2 create-security-group --group-name ${name}-batch --description "AWS Batch jobs: no inbound traffic" --vpc-id ${vpc}\``,
  createLogGroup: (create: string, retention: string, days: number) =>
    `Create the log group: \`${create}\` then keep its events ${days} days: \`${retention}\``,
  putRule: (file: string) =>
    `Create the rule: \`aws events put-rule --cli-input-json "$(jq .putRule ${file})"\``,
  putTargets: (file: string) =>
    `Point it at the job queue: \`aws events put-targets --cli-input-json "$(jq .putTargets ${file})"\``,
  bucketNotifications: (bucket: string) =>
    `Turn on EventBridge notifications for the bucket: \`aws s3api put-bucket-notification-configuration --bucket ${bucket} --notification-configuration '{"EventBridgeConfiguration":{}}'\``,
  submitJob: (name: string) =>
    `Submit a job by hand to try it: \`aws batch submit-job --job-name ${name} --job-queue ${name} --job-definition ${name}\``,
} as const;

/** The README's AWS Batch notes: what to know before applying the files. */
export const NOTES = {
  serviceLinkedRole:
    'The compute environment names no service role, so AWS Batch uses its service-linked role AWSServiceRoleForBatch, which it creates in the account the first time a compute environment needs it.',
  objectParameters:
    'The rule passes each object\'s bucket and key as the job parameters S3_BUCKET and S3_KEY (`<bucket>` and `<key>` in its InputTemplate are filled in by EventBridge, not placeholders). Batch substitutes parameters into the container\'s command only: give the job definition a command that reads them, for example `["my-tool", "Ref::S3_BUCKET", "Ref::S3_KEY"]`.',
  efsVolume: (jobRole: string) =>
    `The EFS volume authorizes with the job role (iam ENABLED): role ${jobRole} already allows elasticfilesystem:ClientMount and ClientWrite on <efs-file-system-id>; let the jobs' security group reach the mount targets on TCP 2049.`,
  noArm64GpuImage:
    "AWS Batch's GPU image type (ECS_AL2023_NVIDIA) is for x86_64 instances, so the Graviton GPU instances start from the ECS-optimized Amazon Linux 2023 image, which has no NVIDIA driver: give the compute environment a launch template or ec2Configuration imageIdOverride with an arm64 AMI that has the driver and the ECS agent, or choose x86_64 to use the GPU image.",
  spotRetries:
    'The job definition retries an attempt whose Spot capacity was reclaimed (status reason "Host EC2*" or "Your Spot Task was interrupted*"), up to 3 attempts, and ends the job on any other failure: make the job safe to run again from the start.',
} as const;
