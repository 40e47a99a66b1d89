import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A PostgreSQL cluster of a test's own (initdb into a temporary folder, pg_ctl on a free port), for
 * what must never touch the machine's shared cluster: stopping the server, creating roles. Run as
 * root; the server runs as the `postgres` system user. Trust authentication on 127.0.0.1 only.
 */
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export async function freePort() {
  return new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(binary: string, args: string[]) {
  return execFileSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, binary), ...args], {
    stdio: "pipe",
    encoding: "utf8",
  });
}

export type PgCluster = Awaited<ReturnType<typeof startPgCluster>>;

export async function startPgCluster(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `ll-${name}-`));
  chmodSync(dir, 0o777);
  execFileSync("chown", ["postgres", dir]);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const pgCtl = (action: "start" | "stop") =>
    asPostgres("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(dir, "postgres.log"),
      "-w",
      ...(action === "start"
        ? ["-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]
        : ["-m", "fast", "stop"]),
    ]);
  asPostgres("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  pgCtl("start");
  return {
    port,
    /** A connection URL to this cluster; the superuser `postgres` and its database by default. */
    url: (user = "postgres", database = "postgres", password?: string) =>
      `postgres://${user}${password ? `:${encodeURIComponent(password)}` : ""}@127.0.0.1:${port}/${database}`,
    /** psql against this cluster, e.g. to run a documented SQL file exactly as an operator would. */
    psql: (args: string[]) =>
      execFileSync(path.join(PG_BIN, "psql"), ["-h", "127.0.0.1", "-p", String(port), "-X", "-q", ...args], {
        stdio: "pipe",
        encoding: "utf8",
      }),
    start: () => pgCtl("start"),
    stop: () => pgCtl("stop"),
    /** Stops the server (if running) and removes its folder. */
    destroy() {
      try {
        pgCtl("stop");
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
