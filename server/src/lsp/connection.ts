// The connection to the client: IPC from VS Code, or stdio (--stdio) for any other LSP editor.
import {
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { echo } from '../engine/echo';

/**
 * Over stdio the server answers a message that is not JSON with a JSON-RPC parse error (-32700,
 * id null), as the spec asks; vscode-jsonrpc would drop it silently. IPC (VS Code) carries objects.
 *
 * A framing error is another matter: after a header without a valid Content-Length (or a
 * Content-Length that does not match the body) the reader has lost the message boundaries for
 * good, and would go on alive but deaf, which an editor never notices. The server exits instead,
 * so the editor restarts it. A message left incomplete for the reader's partial-message timeout
 * (10 s) is the same desynchronisation.
 */
export function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  const lostStep = (why: string): void => {
    process.stderr.write(`windows-containers: the message stream from the client is out of step (${echo(why.split('\n')[0]!)}); exiting so that the editor restarts the server\n`);
    process.exit(1);
  };
  reader.onError((error) => {
    // JSON.parse of a whole body throws a SyntaxError: the framing held, only that message is bad.
    if (!(error instanceof SyntaxError)) return lostStep(error.message);
    void writer.write({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${error.message}` } } as ResponseMessage);
  });
  reader.onPartialMessage((info) => lostStep(`a message still incomplete after ${info.waitingTime} ms`));
  return createConnection(ProposedFeatures.all, reader, writer);
}
