import { MasterDataChangeRecord } from '@dealergraph/runtime';
import { Entity } from '@mikro-orm/core';

/**
 * The audit of products' master data changes (upsertProduct, deactivateProduct, upsertInTransit, upsertCategory,
 * upsertWarehouse; PRODUCTS, STOCK, IN_TRANSIT, CATEGORIES and WAREHOUSES imports). Subjects: PRODUCT,
 * STOCK_LEVEL, IN_TRANSIT, CATEGORY and WAREHOUSE; the external key is the SKU, "SKU@WAREHOUSE", the shipment
 * reference, the category slug or the warehouse code.
 */
@Entity({ tableName: 'master_data_change' })
export class MasterDataChange extends MasterDataChangeRecord {}
