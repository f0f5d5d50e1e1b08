// One run of a flow: what each of its steps works with (the ports, the flow, the server's client, the
// caller's options and the flow's log), passed down as one object instead of positional parameters.
import type { Logger } from '../log/logger';
import type { WawiApi } from '../wawi/client';
import type { FlowContext } from './context';
import type { Flow, FlowOptions } from './flow';

export interface Run<O extends FlowOptions = FlowOptions> {
  ctx: FlowContext;
  flow: Flow;
  client: WawiApi;
  opts: O;
  log: Logger;
}
