/** The error conditions of OAI-PMH 2.0 (§3.6) this repository can report. */
export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch';

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

export const oaiError = (code: OaiErrorCode, message: string): OaiError => ({ code, message });

/**
 * Whether the request's arguments may be echoed in the response's request element: not when the
 * verb or an argument was bad (§3.2), as they may not be what the protocol allows.
 */
export const echoesArguments = (errors: readonly OaiError[]): boolean =>
  !errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument');
