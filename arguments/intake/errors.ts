// Typed intake errors, worded for a historian: what is wrong with which file and what to do.
export type IntakeErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'encoding'
  | 'no-text-layer'
  | 'encrypted'
  | 'damaged'
  | 'zip-bomb'
  | 'not-a-zip'
  | 'unsupported'
  | 'cancelled';

export interface IntakeError {
  code: IntakeErrorCode;
  /** One or two plain sentences naming the file. */
  message: string;
}

export const intakeError = (code: IntakeErrorCode, message: string): IntakeError => ({ code, message });

/** The file as messages name it: its base name in quotation marks (`none` when there is no file). */
export function named(fileName: string | undefined, none = 'the pasted text'): string {
  if (fileName === undefined) return none;
  const base = fileName.split(/[\\/]/).pop() || fileName;
  return `“${base}”`;
}

/** A sentence starting with the file's name: "“letter.txt” is …" / "The pasted text is …". */
export function subject(fileName: string | undefined, none?: string): string {
  const n = named(fileName, none);
  return n.charAt(0).toUpperCase() + n.slice(1);
}

export const cancelledError = (fileName: string): IntakeError => intakeError('cancelled', `Reading ${named(fileName)} was cancelled.`);
