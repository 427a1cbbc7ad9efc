# The worker image: TypeScript sources run by tsx; the database is migrated before the worker starts.
FROM node:20.20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/worker/package.json apps/worker/
COPY packages/ packages/
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run generate -w @mentoring/db
USER node
CMD ["sh", "-c", "node --import tsx packages/db/scripts/setup-database.ts && cd apps/worker && exec node --import tsx src/main.ts"]
