/**
 * Functions a read may not call, per engine, whatever schema they are qualified with. A read-only transaction stops
 * writes to tables, but not these: they read or write server files, reach other servers (a second connection is not
 * read-only), run SQL from a string past the parser (query_to_xml, ts_stat), change settings, sleep, signal other
 * sessions, take locks or advance sequences.
 */
type DenyList = { names: ReadonlySet<string>; prefixes: readonly string[] };

function denyList(names: string[], prefixes: string[]): DenyList {
  return { names: new Set(names), prefixes };
}

const postgres = denyList(
  [
    'pg_read_file', 'pg_read_binary_file', 'pg_stat_file', 'pg_current_logfile', 'pg_logdir_ls',
    'set_config', 'pg_sleep', 'pg_sleep_for', 'pg_sleep_until',
    'pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf', 'pg_rotate_logfile', 'pg_promote',
    'pg_switch_wal', 'pg_create_restore_point', 'pg_backup_start', 'pg_backup_stop', 'pg_start_backup', 'pg_stop_backup',
    'pg_wal_replay_pause', 'pg_wal_replay_resume', 'pg_log_backend_memory_contexts', 'pg_import_system_collations',
    'pg_export_snapshot', 'pg_current_xact_id', 'txid_current', 'pg_prewarm', 'pg_truncate_visibility_map',
    'pg_logical_emit_message', 'pg_replication_slot_advance', 'pg_drop_replication_slot',
    'nextval', 'setval', 'pg_notify', 'loread', 'lowrite',
    'query_to_xml', 'query_to_xmlschema', 'query_to_xml_and_xmlschema', 'cursor_to_xml', 'cursor_to_xmlschema',
    'ts_stat', 'ts_rewrite',
  ],
  [
    'pg_ls_', 'pg_file_', 'lo_', 'dblink', 'pg_advisory', 'pg_try_advisory', 'pg_stat_reset', 'pg_replication_origin_',
    'pg_create_', 'pg_copy_', 'pg_logical_slot_', 'table_to_xml', 'schema_to_xml', 'database_to_xml', 'hypopg',
    'binary_upgrade_', 'pg_background',
  ],
);

const mysql = denyList(
  [
    'sleep', 'benchmark', 'load_file', 'get_lock', 'release_lock', 'release_all_locks', 'is_free_lock', 'is_used_lock',
    'master_pos_wait', 'master_gtid_wait', 'source_pos_wait', 'wait_for_executed_gtid_set', 'wait_until_sql_thread_after_gtids',
    'nextval', 'setval', 'lastval', 'sys_exec', 'sys_eval', 'uuid_short',
  ],
  [],
);

const sqlite = denyList(['load_extension', 'fts3_tokenizer', 'readfile', 'writefile', 'edit'], []);

const lists = { postgres, mysql, sqlite } as const;

/** True when `name` (any qualification and case) is a function reads may not call on `engine`. */
export function isDeniedFunction(engine: keyof typeof lists, name: string): boolean {
  const list = lists[engine];
  const plain = name.toLowerCase();
  return list.names.has(plain) || list.prefixes.some((prefix) => plain.startsWith(prefix));
}

/**
 * Functions no statement may call, not even a confirmed write on a read-write connection: they reach past the connected
 * database — server files, programs, other servers — which the connection's mode was never meant to grant.
 */
const outside = {
  postgres: denyList(['pg_read_file', 'pg_read_binary_file', 'pg_stat_file', 'pg_current_logfile', 'pg_logdir_ls', 'lo_import', 'lo_export'], ['pg_ls_', 'pg_file_', 'dblink', 'pg_background']),
  mysql: denyList(['load_file', 'sys_exec', 'sys_eval'], []),
  sqlite: denyList(['load_extension', 'readfile', 'writefile', 'edit', 'fts3_tokenizer'], []),
} as const;

/** True when `name` is a function that reaches outside the database on `engine` (refused on every connection). */
export function reachesOutside(engine: keyof typeof lists, name: string): boolean {
  const list = outside[engine];
  const plain = name.toLowerCase();
  return list.names.has(plain) || list.prefixes.some((prefix) => plain.startsWith(prefix));
}

/** The refusal of a statement that reaches outside the database, naming what it reaches with. */
export function outsideRefusal(what: string): string {
  return `${what}: it reaches outside the database, which no connection allows`;
}
