# The release as a container image (docs/deploy.md):  docker build -t yhteisarvio .
# Stage 1 installs from the lock, builds, and makes the release folder with
# scripts/release.sh, the same folder CI's deploy check starts (scripts/deploy-check.sh).
# Stage 2 is that folder on Node, run by an unprivileged user, with the command of the
# systemd unit (deploy/yhteisarvio@.service) and a health check on /readyz.
# NODE_IMAGE: the base, Node 24 on Debian; a region without Docker Hub names its own mirror
# or its own base (with its certificate authorities) here: --build-arg NODE_IMAGE=…
# scripts/image-check.sh builds and runs this image in CI.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build && bash scripts/release.sh /release

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
	HOST=0.0.0.0 \
	PORT=3000
WORKDIR /app
# Owned by root, readable by all: the service writes nothing into its own files.
COPY --from=build /release /app
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
	CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-old-space-size=256", "scripts/server.js"]
