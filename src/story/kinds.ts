/**
 * The engine's vocabulary of claim kinds: what each means, in words. How each is drawn is the
 * symbology's (`symbology/claims.ts`); stories name kinds by these ids.
 */

export const CLAIM_KINDS = [
  'armed-group',
  'diplomatic',
  'border-instability',
  'humanitarian',
  'displacement',
  'drugs',
  'sanctuary',
  'governance',
] as const;

export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface KindText {
  label: string;
  /** One line for the key: what the kind means. */
  description: string;
}

export const KIND_TEXT: Record<ClaimKind, KindText> = {
  'armed-group': { label: 'Armed group threat', description: 'Militant groups said to threaten a place from another' },
  diplomatic: { label: 'Diplomatic move', description: 'Recognition, upgrades and influence between governments' },
  'border-instability': { label: 'Border instability', description: 'Instability said to affect a border area' },
  humanitarian: { label: 'Humanitarian spillover', description: 'An emergency said to reach neighbouring states' },
  displacement: { label: 'Displacement', description: 'Population movement the article attributes to a place' },
  drugs: { label: 'Drug trade', description: 'Drug trade the article attributes to a place' },
  sanctuary: {
    label: 'Sanctuary for armed groups',
    description: 'A place said to shelter, or to become a haven for, armed groups',
  },
  governance: { label: 'Who governs', description: 'Who the article says controls a territory' },
};
