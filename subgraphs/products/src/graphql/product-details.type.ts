import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';

export enum SpecificationTypeEnum {
  NUMBER = 'NUMBER',
  TEXT = 'TEXT',
  BOOLEAN = 'BOOLEAN',
}
registerEnumType(SpecificationTypeEnum, {
  name: 'SpecificationType',
  description: 'How to read a specification value.',
  valuesConfig: {
    NUMBER: { description: 'A number in `unit`; numberValue holds it, and filters compare it by range.' },
    TEXT: { description: 'Free text such as a material or a thread.' },
    BOOLEAN: { description: 'Yes or no; value is "true" or "false".' },
  },
});

export enum ProductLinkKindEnum {
  IMAGE = 'IMAGE',
  DATASHEET = 'DATASHEET',
  MANUAL = 'MANUAL',
  CERTIFICATE = 'CERTIFICATE',
  CAD = 'CAD',
}
registerEnumType(ProductLinkKindEnum, {
  name: 'ProductLinkKind',
  description: 'What a product link points at.',
  valuesConfig: {
    IMAGE: { description: 'A picture of the product.' },
    DATASHEET: { description: 'The technical data sheet (PDF).' },
    MANUAL: { description: 'An installation or operating manual (PDF).' },
    CERTIFICATE: { description: 'A certificate or declaration of conformity.' },
    CAD: { description: 'A CAD drawing or model.' },
  },
});

@ObjectType('ProductSpecification', { description: 'One technical specification of a product, typed.' })
export class ProductSpecificationType {
  @Field(() => String, { description: 'Name, e.g. "Bore diameter"; unique per product.' })
  name!: string;

  @Field(() => SpecificationTypeEnum, { description: 'How to read the value.' })
  type!: SpecificationTypeEnum;

  @Field(() => String, { description: 'The value as displayed: a NUMBER as a decimal string ("25"), a BOOLEAN as "true" or "false".' })
  value!: string;

  @Field(() => Float, { nullable: true, description: 'The value of a NUMBER specification as a number; null for the other types.' })
  numberValue!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The value of a BOOLEAN specification; null for the other types.' })
  booleanValue!: boolean | null;

  @Field(() => String, { nullable: true, description: 'Unit of a NUMBER, e.g. "mm", "bar", "rpm"; null when it has none.' })
  unit!: string | null;
}

@ObjectType('ProductLink', { description: 'A picture or document of a product, by URL.' })
export class ProductLinkType {
  @Field(() => ProductLinkKindEnum, { description: 'What it is.' })
  kind!: ProductLinkKindEnum;

  @Field(() => String, { description: 'Absolute https URL.' })
  url!: string;

  @Field(() => String, { description: 'Caption of an image, title of a document.' })
  title!: string;
}
