/** Words for things: the product itself, generic nouns, fields of records, times, quantities and screens. */
import { wordSet } from '../../../../core/text/index.js';

/** Words that name the product itself rather than a person or a record: "A meal planner for …", "The tool must …". */
export const PRODUCT_NOUNS = wordSet(`
  app assistant bot chatbot dashboard extension form game interface inbox marketplace planner platform
  plugin portal product service site software solution system tool tracker website widget`);

/** Nouns too generic to be domain entities. */
export const GENERIC_NOUNS = wordSet(`
  ability access account accounts advance afternoon area aspect behalf benefit case click data day detail details end example experience fact
  evening field form goal group hour information issue level list minute month moment morning night number option page
  part place point problem
  process purpose question reason result screen second section side start step term time today type value version
  view week world year`);

/** Words that name what is stored about an entity: "booking date", "price of each walk". */
export const ATTRIBUTE_WORDS = wordSet(`
  address age amount availability avatar balance bio birthday budget capacity category comment comments cost count
  currency date deadline description details distance duration email estimate feedback fee frequency height
  history id identifier image label language level limit location name note notes phone photo picture position
  preferences price priority progress quantity rank rating ratings role schedule score size skills source stage
  start status tag tags title total type url weight`);

export const TIME_NOUNS = wordSet(`second minute hour day week month year morning afternoon evening night weekend time`);
export const QUANTITY_NOUNS = wordSet(`number amount list set range variety kind type lot lots group series couple pair bunch share
  percentage proportion majority total`);

/** Heads that say which facet of their modifier is meant: "payment data" is about payments, "visit time" about visits. */
export const FACET_NOUNS = wordSet(`data information details detail time history`);
/** Heads that name a screen, not a record: "checkout page", "settings screen". */
export const SCREEN_NOUNS = wordSet(`page screen view form field section step click button tab`);
/** Nouns in -al, which otherwise reads as an adjective ("legal team", "medical records"). */
export const NOUNS_IN_AL = wordSet(`meal rental portal animal hospital capital journal festival arrival approval proposal
  terminal signal pedal metal petal renewal referral removal withdrawal deal`);
