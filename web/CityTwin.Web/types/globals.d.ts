// Globals the page gets from classic scripts (index.html), typed from the same npm packages.
import type * as SignalR from '@microsoft/signalr';
import type { MessagePackHubProtocol } from '@microsoft/signalr-protocol-msgpack';

declare global {
  const signalR: typeof SignalR & { protocols: { msgpack: { MessagePackHubProtocol: typeof MessagePackHubProtocol } } };
}
