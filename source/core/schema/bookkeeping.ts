import {versionTable} from '../migrations/version-table.js';

/** Bookkeeping tables that are not part of the application's schema. */
export const bookkeepingTables = [versionTable, 'alembic_version'] as const;
