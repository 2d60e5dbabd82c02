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
  {
    version: 2,
    description: 'officers, devices, docks, media items, derived files, watched folders',
    up(db) {
      db.exec(`
        -- Officer registry (警号, name, unit, enforcement certificate number); a login is optional.
        CREATE TABLE officers (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          unit TEXT NOT NULL DEFAULT '',
          cert_no TEXT NOT NULL DEFAULT '',
          user_id INTEGER REFERENCES users(id),
          active INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL
        );

        -- Device registry: camera serial → model and assigned officer.
        CREATE TABLE devices (
          id INTEGER PRIMARY KEY,
          serial TEXT NOT NULL UNIQUE,
          model TEXT NOT NULL DEFAULT '',
          officer_id INTEGER REFERENCES officers(id),
          clear_after_ingest INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL
        );

        -- One docking of one volume, and what happened to each file on it (the dock report).
        CREATE TABLE docks (
          id INTEGER PRIMARY KEY,
          volume_id TEXT NOT NULL,
          volume_path TEXT NOT NULL,
          volume_label TEXT NOT NULL DEFAULT '',
          source TEXT NOT NULL,
          device_id INTEGER REFERENCES devices(id),
          officer_id INTEGER REFERENCES officers(id),
          started_by TEXT NOT NULL,
          started_at TEXT NOT NULL,
          finished_at TEXT,
          state TEXT NOT NULL CHECK (state IN ('running','done','failed','cancelled','interrupted')),
          summary_json TEXT
        );
        CREATE TABLE dock_files (
          dock_id INTEGER NOT NULL REFERENCES docks(id),
          rel_path TEXT NOT NULL,
          size INTEGER NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('pending','ingested','duplicate','failed','skipped')),
          sha256 TEXT,
          media_id INTEGER REFERENCES media(id),
          error_code TEXT,
          error_message TEXT,
          PRIMARY KEY (dock_id, rel_path)
        ) WITHOUT ROWID;

        -- A media item is one original (content-addressed, so stored once however often docked).
        CREATE TABLE media (
          id INTEGER PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE REFERENCES objects(sha256),
          kind TEXT NOT NULL CHECK (kind IN ('video','audio','photo','other')),
          original_name TEXT NOT NULL,
          size INTEGER NOT NULL,
          officer_id INTEGER REFERENCES officers(id),
          device_id INTEGER REFERENCES devices(id),
          recorded_at TEXT,
          important INTEGER NOT NULL DEFAULT 0,
          category TEXT NOT NULL DEFAULT 'unclassified',
          title TEXT NOT NULL DEFAULT '',
          ingested_at TEXT NOT NULL,
          ingested_by TEXT NOT NULL,
          probe_json TEXT,
          playable INTEGER,
          unreadable_reason TEXT,
          processing TEXT NOT NULL DEFAULT 'pending' CHECK (processing IN ('pending','running','done','failed'))
        );
        CREATE INDEX media_officer ON media(officer_id, recorded_at);
        CREATE INDEX media_device ON media(device_id, recorded_at);
        CREATE INDEX media_recorded ON media(recorded_at);
        CREATE INDEX media_category ON media(category);

        -- Every place an item was found: identical content from two docks links to both.
        CREATE TABLE media_sources (
          media_id INTEGER NOT NULL REFERENCES media(id),
          dock_id INTEGER NOT NULL REFERENCES docks(id),
          rel_path TEXT NOT NULL,
          file_mtime TEXT,
          PRIMARY KEY (media_id, dock_id, rel_path)
        ) WITHOUT ROWID;

        -- Derived files (proxy, poster, scrub strip, thumbnail, waveform), each with its hash.
        CREATE TABLE derived (
          id INTEGER PRIMARY KEY,
          media_id INTEGER NOT NULL REFERENCES media(id),
          kind TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          size INTEGER NOT NULL,
          rel_path TEXT NOT NULL,
          meta_json TEXT,
          created_at TEXT NOT NULL,
          UNIQUE (media_id, kind)
        );

        CREATE TABLE watched_folders (
          id INTEGER PRIMARY KEY,
          path TEXT NOT NULL UNIQUE,
          label TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL
        );
      `);
    },
  },
];

/** The schema version this build writes. */
export const latestVersion = migrations[migrations.length - 1]!.version;
