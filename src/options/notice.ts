/**
 * A section's two live regions: successes go to a polite role=status, failures to a role=alert that screen
 * readers announce at once. Only one shows at a time, so an old error never sits beside a new success.
 */
export interface Notice {
  success(text: string): void;
  error(text: string): void;
  clear(): void;
}

export function createNotice(status: HTMLElement, alert: HTMLElement | null): Notice {
  const show = (target: HTMLElement | null, other: HTMLElement | null, text: string): void => {
    if (other) other.textContent = '';
    // Clearing first makes a repeated identical message be announced again.
    if (target) {
      target.textContent = '';
      target.textContent = text;
    }
  };
  return {
    success: (text) => show(status, alert, text),
    error: (text) => show(alert ?? status, alert ? status : null, text),
    clear: () => {
      status.textContent = '';
      if (alert) alert.textContent = '';
    },
  };
}
