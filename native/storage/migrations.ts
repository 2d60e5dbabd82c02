import type Database from 'better-sqlite3';

/**
 * Versioned schema. Each migration runs once, in order, inside a transaction; `user_version`
 * records the last one applied. Never edit a shipped migration: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'agency, users, custody log, checkpoints, originals, settings',
    up(db) {
      db.exec(`
        CREATE TABLE agency (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          name TEXT NOT NULL,
          credit_code TEXT NOT NULL,
          address TEXT NOT NULL,
          supervision_phone TEXT NOT NULL,
          ca_cert_pem TEXT NOT NULL,
          workstation_cert_pem TEXT NOT NULL,
          note_key_name TEXT NOT NULL,
          note_public_key_pem TEXT NOT NULL,
          created_at TEXT NOT NULL
        );

        CREATE TABLE users (
          id INTEGER PRIMARY KEY,
          login TEXT NOT NULL UNIQUE COLLATE NOCASE,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('officer','clerk','archivist','reviewer','supervisor','admin')),
          password_hash TEXT NOT NULL,
          failed_attempts INTEGER NOT NULL DEFAULT 0,
          locked_at TEXT,
          disabled INTEGER NOT NULL DEFAULT 0,
          key_pem_encrypted TEXT NOT NULL,
          cert_pem TEXT NOT NULL,
          created_at TEXT NOT NULL
        );

        -- The custody log. entry holds the exact canonical-JSON bytes that leaf seq hashes;
        -- time/actor/action are copies for filtering, checked against entry by verify.
        CREATE TABLE custody_log (
          seq INTEGER PRIMARY KEY,
          entry BLOB NOT NULL,
          leaf_hash BLOB NOT NULL,
          time TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL
        );
        CREATE INDEX custody_log_actor ON custody_log(actor, seq);
        CREATE INDEX custody_log_action ON custody_log(action, seq);
        CREATE INDEX custody_log_time ON custody_log(time);
        CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
          BEGIN SELECT RAISE(ABORT, 'custody log is append-only: UPDATE refused'); END;
        CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
          BEGIN SELECT RAISE(ABORT, 'custody log is append-only: DELETE refused'); END;

        -- Roots of perfect subtrees (level, index) so proofs and roots cost O(log n).
        CREATE TABLE merkle_nodes (
          level INTEGER NOT NULL,
          idx INTEGER NOT NULL,
          hash BLOB NOT NULL,
          PRIMARY KEY (level, idx)
        ) WITHOUT ROWID;

        CREATE TABLE checkpoints (
          id INTEGER PRIMARY KEY,
          size INTEGER NOT NULL,
          root BLOB NOT NULL,
          note TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE TRIGGER checkpoints_no_update BEFORE UPDATE ON checkpoints
          BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: UPDATE refused'); END;
        CREATE TRIGGER checkpoints_no_delete BEFORE DELETE ON checkpoints
          BEGIN SELECT RAISE(ABORT, 'checkpoints are append-only: DELETE refused'); END;

        -- Content-addressed originals: file at originals/<aa>/<bb>/<sha256>.
        CREATE TABLE objects (
          sha256 TEXT PRIMARY KEY,
          size INTEGER NOT NULL,
          stored_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
];

/** The schema version this build writes. */
export const latestVersion = migrations[migrations.length - 1]!.version;
