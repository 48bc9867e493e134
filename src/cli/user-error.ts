/** A mistake by the person running the command: printed as a message, exit code 1, no stack. */
export class UserError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UserError';
  }
}
