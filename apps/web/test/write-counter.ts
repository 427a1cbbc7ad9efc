// Whether a request wrote anything, asked in one cheap query. Installed by the database's owner in a test
// database of its own: a row trigger on every table counts each row inserted, updated or deleted (and a
// statement trigger each TRUNCATE) in a counter row, inside the writing transaction, so a write that is
// rolled back is not counted and one that is committed always is. Reading the counter before and after a
// request tells whether it wrote, as counting every table's rows and row versions did, at one query's cost.
import type { connect } from "@mentoring/db/provision";

type Client = Awaited<ReturnType<typeof connect>>;

/** Tables whose writes are no one's business here: sessions (opening a page may touch its own), migrations. */
const IGNORED = ["sessions", "_prisma_migrations", "test_write_counter"];

/**
 * `touchOnly`: tables whose updates are bookkeeping of a request let in, not its work (an API token's last
 * use): only their inserts and deletes count.
 */
export async function installWriteCounter(
  client: Client,
  { touchOnly = [] }: { touchOnly?: string[] } = {},
): Promise<void> {
  await client.query(`
    create table if not exists test_write_counter (id int primary key, writes bigint not null);
    insert into test_write_counter values (1, 0) on conflict do nothing;
    -- Security definer: the app role that writes may not otherwise write the counter.
    create or replace function test_count_write() returns trigger
      language plpgsql security definer set search_path = public as $$
      begin
        update test_write_counter set writes = writes + 1 where id = 1;
        return null;
      end $$;`);
  const { rows } = await client.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' and not (tablename = any($1)) order by 1",
    [IGNORED],
  );
  await client.query(
    rows
      .map(
        ({ name }) => `
      create trigger test_count_rows after insert or ${touchOnly.includes(name) ? "" : "update or "}delete on "${name}"
        for each row execute function test_count_write();
      create trigger test_count_truncate after truncate on "${name}"
        for each statement execute function test_count_write();`,
      )
      .join("\n"),
  );
}

/**
 * Rows written so far (committed) in every table but the ignored ones, and the number of sessions: a
 * session may be touched by opening a page, but one started (someone signed in) is a write.
 */
export async function writeCount(client: Client): Promise<string> {
  const { rows } = await client.query<{ writes: string; sessions: string }>(
    "select writes::text, (select count(*) from sessions)::text as sessions from test_write_counter where id = 1",
  );
  return `${rows[0]?.writes} rows written, ${rows[0]?.sessions} sessions`;
}
