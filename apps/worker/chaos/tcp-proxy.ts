import { createConnection, createServer, type Socket } from "node:net";

/**
 * A TCP proxy in front of PostgreSQL for the outage scenario: while it is "down" it cuts every connection
 * through it (a reset, as a lost network or a failover would) and resets new ones as soon as they arrive.
 */
export interface TcpProxy {
  readonly port: number;
  /** Cuts every open connection and refuses new ones until `up()`. */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let isDown = false;
  const open = new Set<Socket>();
  const cut = (socket: Socket) => {
    if (!socket.destroyed) socket.resetAndDestroy();
  };
  const server = createServer((client) => {
    if (isDown) return cut(client);
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        open.delete(socket);
        // One side gone: the other goes too, as a cut cable takes both.
        cut(socket === client ? upstream : client);
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the proxy has no port");
  return {
    port: address.port,
    down() {
      isDown = true;
      for (const socket of open) cut(socket);
    },
    up() {
      isDown = false;
    },
    async close() {
      for (const socket of open) cut(socket);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
