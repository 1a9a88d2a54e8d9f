import { MasterDataChangeRecord } from '@dealergraph/runtime';
import { Entity } from '@mikro-orm/core';

/**
 * The audit of credit accounts' master data changes (upsertCreditAccount and CREDIT_ACCOUNTS imports; limit
 * and policy changes also go into credit_limit_change). Subject: CREDIT_ACCOUNT, whose id is the dealer id
 * and whose external key is the dealer code.
 */
@Entity({ tableName: 'master_data_change' })
export class MasterDataChange extends MasterDataChangeRecord {}
