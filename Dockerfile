# One image for every Cardweave service; docker-compose.yml picks the entry point
# (`node gateway/dist/main.js`, `node subgraphs/<name>/dist/main.js`). Production runs the
# JavaScript `npm run build` compiles; TypeScript, tsx, Vite and the other dev tools stay in the
# build stage.

# --- build: every dependency, each package's compiled dist/ and the card page ----------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# npm ci installs the workspace packages too, so it needs every package's package.json: the
# sources come first.
COPY . .
RUN npm ci --no-audit --no-fund
# Builds the card page (web/dist), compiles every workspace package into its own dist/ beside
# its src/ and the root package's run-time scripts into dist/scripts; then drops the dev
# dependencies and gathers what runs (scripts/build/runtime-files.mjs: each package's
# package.json and "files", the root package's run-time files) into /runtime.
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund \
  && node scripts/build/runtime-files.mjs --copy /runtime

# --- runtime: production dependencies and the compiled packages only -------------------------
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
# node_modules as pruned in the build stage: the production dependencies, and the workspace
# packages as links to their folders, which the next line brings.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /runtime ./
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "gateway/dist/main.js"]
