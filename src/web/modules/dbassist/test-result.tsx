import { AlertIcon, CheckIcon } from '../../components/icons';
import { formatRelative } from '../../lib/format';
import type { ConnectionTest } from './client';

/**
 * What the last "Test" found: the server, the user and whether it can write, or why it failed. A read-only
 * connection whose user can write carries a warning, shown where nobody misses it.
 */
export function TestResult({ test }: { test: ConnectionTest }) {
  if (!test.ok) {
    return (
      <div className="dba-test dba-test-failed" data-testid="connection-test" data-ok="false">
        <AlertIcon size={14} className="dba-test-icon" />
        <span>
          <strong>Test failed</strong> {formatRelative(test.testedAt)}: <span data-testid="connection-test-error">{test.error ?? 'no reason given'}</span>
        </span>
      </div>
    );
  }
  return (
    <div className="dba-test" data-testid="connection-test" data-ok="true">
      <div className="dba-test-line">
        <CheckIcon size={14} className="dba-test-icon dba-test-ok" />
        <span>
          <strong>Connected</strong> {formatRelative(test.testedAt)}
        </span>
        {test.serverVersion && <span className="dba-test-fact" data-testid="connection-server-version">{test.serverVersion}</span>}
        {test.user && (
          <span className="dba-test-fact">
            as <code data-testid="connection-user">{test.user}</code>
          </span>
        )}
        {test.canWrite !== null && (
          <span className="dba-test-fact" data-testid="connection-can-write">
            {test.canWrite ? 'user can write' : 'user cannot write'}
          </span>
        )}
      </div>
      {test.warning && (
        <div className="banner banner-warning dba-test-warning" role="alert" data-testid="connection-warning">
          <AlertIcon size={16} className="banner-icon" />
          <div className="banner-body">{test.warning}</div>
        </div>
      )}
    </div>
  );
}
