/** A practice's workflow event that puts a version in the library or takes the practice out of it. */
export interface PublicationEvent {
  sequence: number;
  toState: string;
  createdAt: Date;
  payload: Record<string, unknown> | null;
}

export interface PublishedVersion {
  number: number;
  /** When this version was first published. */
  publishedAt: Date;
}

export interface PublicationHistory {
  /** The version the latest publication named: the one the library lists. */
  listed: PublishedVersion & { sequence: number };
  /** Every version ever published, in the order they were first published. */
  versions: PublishedVersion[];
  /** A retraction after the latest publication, with the editor's comment as the public notice. */
  retraction: { at: Date; notice: string | null } | null;
}

const versionOf = (event: PublicationEvent): number | null => {
  const number = event.payload?.versionNumber;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
};

/**
 * What the tamper-evident log says about a practice's place in the library: null when it was never
 * published. Its status alone cannot say, since a published practice under revision leaves state
 * `published` while its last published version stays public. A publication whose event names no
 * version (the engine always writes one) cannot say what to show, and is passed over.
 */
export function publicationHistory(events: readonly PublicationEvent[]): PublicationHistory | null {
  const ordered = [...events].sort((a, b) => a.sequence - b.sequence);
  const versions: PublishedVersion[] = [];
  let listed: PublicationHistory['listed'] | null = null;
  for (const event of ordered) {
    const number = event.toState === 'published' ? versionOf(event) : null;
    if (number === null) continue;
    // A revision withdrawn or turned down returns to published naming the version already out (and
    // the revision it gave up): that version stays listed, dated by when it was published.
    let version = versions.find((v) => v.number === number);
    if (!version) versions.push((version = { number, publishedAt: event.createdAt }));
    const returned = event.payload?.revisionNumber !== undefined;
    listed = {
      number,
      publishedAt: returned ? version.publishedAt : event.createdAt,
      sequence: event.sequence,
    };
  }
  if (!listed) return null;
  const after = listed.sequence;
  const retracted = ordered.filter((e) => e.toState === 'retracted' && e.sequence > after).at(-1);
  const comment = retracted?.payload?.comment;
  return {
    listed,
    versions,
    retraction: retracted
      ? { at: retracted.createdAt, notice: (typeof comment === 'string' && comment.trim()) || null }
      : null,
  };
}
