# The web image: the production build of apps/web served by its own server (`npm start`).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm install --no-audit --no-fund && npm run generate -w @mentoring/db && npm run build -w @mentoring/web

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
USER node
EXPOSE 3000
WORKDIR /app/apps/web
CMD ["npm", "start"]
