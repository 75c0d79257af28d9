// What the offline brief looks for in the idea and the answers.

export const SUCCESS_CUE = /\b(success|succeed|measure\w*|metrics?|kpis?|goals?|targets?|\d+ ?%|per (?:day|week|month|year)|a (?:day|week|month|year))\b/i;
export const PAYMENT_CUE = /\b(pay|pays|paying|payments?|paid|price|prices|pricing|fees?|subscriptions?|checkout|invoices?|refunds?|billing|commission)\b/i;
export const PERSONAL_DATA: Array<[RegExp, string]> = [
  [/\b(health|medical|patients?|hipaa|diagnos\w*|symptoms?|prescriptions?)\b/i, 'health information'],
  [/\b(locations?|gps|geolocation|live tracking)\b/i, 'location'],
  [/\b(child|children|kids|minors?|pupils?)\b/i, "children's data"],
  [/\b(home address(?:es)?|addresses|phone numbers?|e-?mail addresses)\b/i, 'contact details'],
  [/\b(photos?|camera|videos?|recordings?)\b/i, 'photos and recordings'],
  [/\b(salar(?:y|ies)|bank accounts?|credit cards?|financial)\b/i, 'financial data'],
  [/\b(birth ?dates?|date of birth|passports?|identity documents?|id documents?)\b/i, 'identity data'],
];
export const IN_PERSON_CUE = /\b(walkers?|drivers?|sitters?|riders?|couriers?|cleaners?|tutors?|nannies|nanny|homes?|house|pets?|dogs?|cats?|kids|rides?|meetups?|in person|strangers?|deliver\w*)\b/i;
export const AI_CUE = /\b(ai|ml|machine learning|llm|gpt|recommend\w*|predict\w*|classif\w*|automatically suggest\w*)\b/i;
export const INTEGRATION_CUE = /\b(integrat\w*|sync\w*|api|calendars?|slack|google|stripe|salesforce|jira|github|shopify|zapier|webhooks?)\b/i;
export const NAMED_INTEGRATION = /\b(?:integrat\w*|sync\w*|connect\w*) (?:it |them )?(?:with|to) ((?:\p{Lu}[\p{L}\d.]*)(?:(?:, | and | or )\p{Lu}[\p{L}\d.]*)*)/gu;
export const KNOWN_SERVICES = /\b(Slack|Google(?: \p{Lu}\p{L}+)?|Stripe|Salesforce|Jira|GitHub|Shopify|Zapier|Zendesk|HubSpot|Notion|Trello|Microsoft Teams|Outlook|QuickBooks|Xero|PayPal|Twilio)\b/gu;
export const MARKETPLACE_CUE = /\b(marketplace|two-sided|connects? \w+(?: \w+)? (?:with|to)|match(?:es|ing)? \w+(?: \w+)? with|hire|hiring|on-demand|gig)\b/i;
