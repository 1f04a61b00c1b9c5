import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/utils/api/errors';
import { createConnectionModel } from '@/utils/panel/connection-model';
import { CodedError } from '@/utils/protocol/errors';
import { status } from '../components/fake-connector';

describe('connection model', () => {
  it('knows nothing until the background first answers, then follows its status', () => {
    const connection = createConnectionModel();
    expect(connection.status.value).toBeNull();
    expect(connection.configured.value).toBeNull();
    connection.apply(status({ configured: false, connection: 'unconfigured' }));
    expect(connection.configured.value).toBe(false);
    const next = status({ inboxName: 'Help', agentsOnline: true, connection: 'offline', issue: 'reconnecting' });
    connection.apply(next);
    expect(connection.configured.value).toBe(true);
    expect(connection.status.value).toEqual(next);
  });

  it('holds the last error as a code, until dismissed', () => {
    const connection = createConnectionModel();
    connection.fail(new CodedError('not_configured'));
    expect(connection.error.value).toBe('not_configured');
    connection.fail(new ApiError('rate_limited', 'HTTP 429 from the server'));
    expect(connection.error.value).toBe('rate_limited');
    connection.dismissError();
    expect(connection.error.value).toBeNull();
  });

  it('an error that is not ours is `internal`: its text never reaches the user', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const connection = createConnectionModel();
    connection.fail(new TypeError('x is undefined'));
    expect(connection.error.value).toBe('internal');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
