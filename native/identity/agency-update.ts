import type { AgencyInfo } from '../api/types';
import type { IdentityDeps } from './deps';
import { loadAgency } from './agency';
import { EngineError } from '../core/errors';

/**
 * Updates the agency's public particulars (名称, 信用代码, 地址, 监督电话) — published in the
 * agency register, so every change is logged with old and new values. Keys and certificates
 * are not touched: a renamed agency keeps its CA.
 */
export function updateAgency(deps: IdentityDeps, next: AgencyInfo, actorLogin: string): AgencyInfo {
  return deps.db.transaction(() => {
    const prev = loadAgency(deps.db);
    if (!prev) throw new EngineError('NOT_INITIALIZED', 'This workstation has not been set up yet.');
    deps.db
      .prepare('UPDATE agency SET name = ?, credit_code = ?, address = ?, supervision_phone = ? WHERE id = 1')
      .run(next.name, next.creditCode, next.address, next.supervisionPhone);
    deps.custody.append({
      actor: actorLogin,
      action: 'agency.update',
      subjects: ['agency'],
      details: { from: prev, to: next },
    });
    return loadAgency(deps.db)!;
  })();
}
