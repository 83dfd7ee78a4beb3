# One image for every Cardweave service; docker-compose.yml picks the entry point
# (`node dist/<service>/src/main.js`). Production runs the JavaScript `npm run build` compiles;
# TypeScript, tsx, Vite and the other dev tools stay in the build stage.

# --- build: every dependency, the compiled services in dist/ and the card page ---------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Builds the card page (web/dist), compiles gateway/, subgraphs/, adapters/ and the run-time
# scripts into dist/ (mirroring the source tree) and copies every file they read at run time
# beside them (scripts/build/copy-assets.mjs), the page included: dist/ is all the runtime needs.
RUN npm run build

# --- runtime: production dependencies and dist/ only -----------------------------------------
FROM node:20-bookworm-slim AS runtime
# tini as PID 1, installed in the image rather than left to `docker run --init` so that every
# way of running it (compose, Kubernetes, plain docker run) gets it. The kernel gives PID 1 no
# default signal actions: a SIGTERM that reaches node before it installs its handler, or the
# one-shot demo-data loader that installs none, would be ignored and `docker stop` would wait
# out its timeout and kill. tini forwards signals to node and reaps any exited children.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/gateway/src/main.js"]
