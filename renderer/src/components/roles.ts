/** The roles in display order, kept in step with the engine's Role type at compile time. */
import type { Role } from '../../../native/api/types';

const order: Record<Role, number> = {
  officer: 0,
  clerk: 1,
  archivist: 2,
  reviewer: 3,
  supervisor: 4,
  admin: 5,
};

/** Every role, officer first, administrator last. */
export const roleKeys = (Object.keys(order) as Role[]).sort((a, b) => order[a] - order[b]);
