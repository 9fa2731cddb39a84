import type { Invoke, InvokeOptions } from '../../../../main/amazon/api/invoke';
import type { OperationName } from '../../../../main/amazon/operations';

export interface RecordedCall {
  readonly operation: OperationName;
  readonly options: InvokeOptions<unknown>;
}

/** An Invoke that records each call and answers with `reply(operation)`. */
export function recordInvoke(reply: (operation: OperationName) => unknown = () => ({})) {
  const sent: RecordedCall[] = [];
  const invoke = (async (operation: OperationName, options: InvokeOptions<unknown>) => {
    sent.push({ operation, options });
    return reply(operation);
  }) as Invoke;
  return { invoke, sent };
}
