/** hoodiecrow-imap ships no types: the part of its API the IMAP intake test uses. */
declare module 'hoodiecrow-imap' {
  interface HoodiecrowServer {
    listen(port: number, host: string, callback: () => void): void;
    close(callback: () => void): void;
    appendMessage(mailbox: string, flags: string[], internaldate: Date | false, raw: string): void;
    server: { address(): import('node:net').AddressInfo | string | null };
  }
  export default function hoodiecrow(options: {
    plugins?: string[];
    storage?: Record<string, { messages?: { raw: string }[]; folders?: unknown; separator?: string }>;
  }): HoodiecrowServer;
}
