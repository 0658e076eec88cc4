/**
 * Every schema step in order. Append only: a shipped migration is never
 * edited, because terminals in the field have already run it.
 */
import { migration001 } from './001-initial';
import { migration002 } from './002-audit-log';
import { migration003 } from './003-certificate-leases';
import { migration004 } from './004-uploads';
import { migration005 } from './005-outbox-failed-index';
import { migration006 } from './006-archive-confirmation';
import { migration007 } from './007-desk-events';
import { migration008 } from './008-personal-data-purge';
import { migration009 } from './009-purge-lookups';
import { migration010 } from './010-open-registry-cases';
import { migration011 } from './011-audit-lookups';
import { migration012 } from './012-registry-reviews';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011, migration012];
export type { Migration } from './types';
