// What the offline writers look for in the input: platforms, outside services, personal data, expected scale,
// success statements, product traits and acronyms.

export const PLATFORMS: Array<[RegExp, string]> = [
  [/\b(ios|iphone|ipad)\b/i, 'iOS'],
  [/\bandroid\b/i, 'Android'],
  [/\b(mobile|phones?|smartphones?|app stores?)\b/i, 'mobile'],
  [/\b(web|website|browsers?|web app|online)\b/i, 'web'],
  [/\b(desktop|macos|windows|linux)\b/i, 'desktop'],
  [/\bslack\b/i, 'Slack'],
  [/\bmicrosoft teams\b/i, 'Microsoft Teams'],
  [/\bwhatsapp\b/i, 'WhatsApp'],
  [/\btelegram\b/i, 'Telegram'],
  [/\b(sms|text messages?)\b/i, 'SMS'],
  [/\b(browser )?extension\b/i, 'browser extension'],
  [/\b(tablets?|kiosks?)\b/i, 'tablet'],
];
export const KNOWN_SERVICES =
  /\b(Slack|Google Calendar|Google Maps|Google Drive|Google Sheets|Gmail|Stripe|Salesforce|Jira|GitHub|Shopify|Zapier|Zendesk|HubSpot|Notion|Trello|Microsoft Teams|Outlook|QuickBooks|Xero|PayPal|Twilio|Mailchimp|WhatsApp|Airtable|Calendly|Zoom|Epic|SAP)\b/gu;
export const NAMED_INTEGRATION = /\b(?:integrat\w*|sync\w*|connect\w*|import\w* from|export\w* to) (?:it |them )?(?:with |to |from )?((?:\p{Lu}[\p{L}\d.]*)(?:(?:, | and | or )\p{Lu}[\p{L}\d.]*)*)/gu;
export const PERSONAL_DATA: Array<[RegExp, string]> = [
  [/\b(health|medical|patients?|hipaa|diagnos\w*|symptoms?|prescriptions?)\b/i, 'health information'],
  [/\b(locations?|gps|geolocation|live tracking|addresses)\b/i, 'location and addresses'],
  [/\b(child|children|kids|minors?|pupils?)\b/i, "children's data"],
  [/\b(phone numbers?|e-?mail addresses|contact details)\b/i, 'contact details'],
  [/\b(photos?|camera|videos?|recordings?)\b/i, 'photos and recordings'],
  [/\b(salar(?:y|ies)|bank accounts?|credit cards?|financial|payments?)\b/i, 'payment and financial data'],
  [/\b(birth ?dates?|date of birth|passports?|identity documents?|id documents?)\b/i, 'identity data'],
];
export const SCALE = /\b(\d[\d,.]*\s*(?:k|m|thousand|million)?)\s+((?:(?!(?:seconds|minutes|hours|days|weeks|months|years|percent|times|ms)\b)\p{L}+\s+)?(?!(?:seconds|minutes|hours|days|weeks|months|years|percent|times|ms)\b)\p{L}+s)\b/iu;
export const SUCCESS_CUE = /\b(success|succeed\w*|measure\w*|metrics?|kpis?|goals?|targets?|\d+ ?%|retention|revenue|conversion|per (?:day|week|month|year))\b/i;
export const CUES = {
  payments: /\b(pay|pays|paying|payments?|paid|price|prices|pricing|fees?|subscriptions?|checkout|invoices?|refunds?|billing|commission)\b/i,
  marketplace: /\b(marketplace|two-sided|connects? \w+(?: \w+)? (?:with|to)|match(?:es|ing)? \w+(?: \w+)? with|hire|hiring|on-demand|gig)\b/i,
  realtime: /\b(real[- ]time|live|chat|messag\w*|instant\w*|tracking)\b/i,
  location: /\b(locations?|maps?|nearby|gps|geolocation|distance|routes?|addresses)\b/i,
  notifications: /\b(notif\w*|remind\w*|alerts?|e-?mails?|sms|push)\b/i,
  media: /\b(photos?|images?|pictures?|videos?|uploads?|files?|attachments?|documents?|recordings?)\b/i,
  ai: /\b(ai|ml|machine learning|llm|gpt|recommend\w*|predict\w*|classif\w*|automatically suggest\w*)\b/i,
  offline: /\boffline\b/i,
  business: /\b(business(?:es)?|compan(?:y|ies)|teams?|clients?|employees?|staff|agenc(?:y|ies)|consultants?|enterprises?|b2b|firms?|clinics?|restaurants?|shops?|stores?|schools?)\b/i,
  search: /\b(search\w*|find|finds|finding|browse|filter\w*|discover\w*|compare)\b/i,
} as const;

const KNOWN_ACRONYMS: Record<string, string> = {
  API: 'Application Programming Interface',
  GDPR: 'General Data Protection Regulation (EU)',
  HIPAA: 'Health Insurance Portability and Accountability Act (US)',
  CCPA: 'California Consumer Privacy Act',
  KPI: 'Key Performance Indicator',
  SMS: 'Short Message Service (text messages)',
  CRM: 'Customer Relationship Management',
  ERP: 'Enterprise Resource Planning',
  SLA: 'Service Level Agreement',
  MVP: 'Minimum Viable Product',
  B2B: 'Business to business',
  B2C: 'Business to consumer',
  AI: 'Artificial Intelligence',
  ML: 'Machine Learning',
  PDF: 'Portable Document Format',
  CSV: 'Comma-Separated Values',
  GPS: 'Global Positioning System',
  SSO: 'Single Sign-On',
  WCAG: 'Web Content Accessibility Guidelines',
  PCI: 'Payment Card Industry (data security standard)',
  QR: 'Quick Response (code)',
  UI: 'User Interface',
  UX: 'User Experience',
};

export function acronymMeaning(acronym: string): string | undefined {
  return KNOWN_ACRONYMS[acronym];
}
