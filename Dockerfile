# syntax=docker/dockerfile:1
# Berth's container image. The build stage installs every dependency and compiles the TypeScript; the
# runtime stage holds only the production dependencies, the compiled code, the rules and the contract,
# and runs as the unprivileged `node` user.
#
#   docker build -t berth .
#   docker run --rm -p 3000:3000 --env-file .env berth      # variables: see .env.example
#
# test/production/dockerfile.test.ts runs this file's steps (COPY and RUN) in a clean copy of the
# repository and starts the result, so keep to the instructions it knows: ARG, FROM, WORKDIR, ENV, COPY,
# RUN (shell form), USER, EXPOSE, HEALTHCHECK, STOPSIGNAL and CMD (exec form).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The build also writes dist/openapi.json, the contract parsed once, so the service starts faster.
COPY openapi.yaml ./
COPY scripts/openapi-json-cache.cjs ./scripts/
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY openapi.yaml ./
COPY rules ./rules
# Files stay owned by root: the service can read its code and rules but not change them.
USER node
EXPOSE 3000
# Liveness only (/healthz); load balancers and Kubernetes should probe /readyz for readiness.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# What docker stop, ECS and Kubernetes send first (Docker's default, stated here because Berth's graceful
# shutdown depends on it): /readyz fails, Berth drains for BERTH_SHUTDOWN_DRAIN_MS and exits within
# BERTH_SHUTDOWN_TIMEOUT_MS (25 s), inside the 30 s they wait before SIGKILL (ECS stopTimeout, Kubernetes
# terminationGracePeriodSeconds).
STOPSIGNAL SIGTERM
# node itself is PID 1 (no npm, no shell), so it receives the signal and shuts down gracefully.
CMD ["node", "dist/src/server.js"]
