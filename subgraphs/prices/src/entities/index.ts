import { DealerPricing } from './dealer-pricing.entity.js';
import { ListPriceImport, ListPriceStage } from './list-price-import.entity.js';
import { ListPriceWindow } from './list-price-window.entity.js';
import { MasterDataChange } from './master-data-change.entity.js';
import { ProductPrice } from './product-price.entity.js';
import { Promotion } from './promotion.entity.js';
import { SpecialPrice } from './special-price.entity.js';
import { SpecialPriceUse } from './special-price-use.entity.js';
import { TierRule } from './tier-rule.entity.js';
import { VolumeBreak } from './volume-break.entity.js';

export {
  DealerPricing,
  ListPriceImport,
  ListPriceStage,
  ListPriceWindow,
  MasterDataChange,
  ProductPrice,
  Promotion,
  SpecialPrice,
  SpecialPriceUse,
  TierRule,
  VolumeBreak,
};
export { PRICE_TIERS, type PriceTier } from './tiers.js';
export const entities = [
  MasterDataChange,
  ProductPrice,
  TierRule,
  VolumeBreak,
  Promotion,
  SpecialPrice,
  SpecialPriceUse,
  DealerPricing,
  ListPriceStage,
  ListPriceImport,
  ListPriceWindow,
];
