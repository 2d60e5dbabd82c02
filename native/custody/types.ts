/** What a caller supplies for one custody entry; seq, time and prev are added by the log. */
export interface AppendInput {
  /** Login of the acting user, or 'system'. */
  actor: string;
  /** Dotted action name, e.g. 'user.add', 'auth.login.failed', 'evidence.ingest'. */
  action: string;
  /** Ids of what the action touched, e.g. ['user:3'], ['object:<sha256>']. */
  subjects?: string[];
  /** Content hashes involved (name → hex SHA-256). */
  hashes?: Record<string, string>;
  /** Anything else worth keeping; JSON values only. Never passwords or keys. */
  details?: Record<string, unknown>;
}

/** Who signs checkpoints: the note key name and its Ed25519 private key (PKCS#8 PEM). */
export interface NoteSigner {
  name: string;
  privateKeyPem: string;
}

/** Filter of a custody log page; `from`/`to` are ISO date-times (inclusive), any offset. */
export interface CustodyFilter {
  page: number;
  pageSize: number;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}
