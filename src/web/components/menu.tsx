import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export type MenuItem =
  | { kind?: 'item'; label: ReactNode; onSelect(): void; icon?: ReactNode; danger?: boolean; checked?: boolean; testId?: string; disabled?: boolean }
  | { kind: 'separator' }
  | { kind: 'heading'; label: ReactNode };

/**
 * A button that opens a menu: arrow keys move between items, Enter/Space choose, Escape and outside clicks close it
 * and give focus back to the button.
 */
export function Menu({
  trigger,
  triggerLabel,
  triggerClassName = 'icon-btn',
  items,
  align = 'start',
  placement = 'below',
  testId,
}: {
  trigger: ReactNode;
  triggerLabel: string;
  triggerClassName?: string;
  items: MenuItem[];
  align?: 'start' | 'end';
  placement?: 'below' | 'above';
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    const first = rootRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled]), [role="menuitemradio"]:not([disabled])');
    first?.focus();
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entries = Array.from(
      rootRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled]), [role="menuitemradio"]:not([disabled])') ?? [],
    );
    const index = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      entries[(index + 1) % entries.length]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      entries[(index - 1 + entries.length) % entries.length]?.focus();
    } else if (event.key === 'Home') {
      event.preventDefault();
      entries[0]?.focus();
    } else if (event.key === 'End') {
      event.preventDefault();
      entries[entries.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="menu-root" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={triggerClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={triggerLabel}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {trigger}
      </button>
      {open && (
        <div className={`menu menu-${align} menu-${placement}`} role="menu" id={menuId} onKeyDown={onMenuKeyDown}>
          {items.map((item, i) => {
            if (item.kind === 'separator') return <div key={i} className="menu-separator" role="separator" />;
            if (item.kind === 'heading')
              return (
                <div key={i} className="menu-heading" role="presentation">
                  {item.label}
                </div>
              );
            return (
              <button
                key={i}
                type="button"
                role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
                aria-checked={item.checked}
                className={item.danger ? 'menu-item menu-item-danger' : 'menu-item'}
                data-testid={item.testId}
                disabled={item.disabled}
                tabIndex={-1}
                onClick={() => {
                  close();
                  item.onSelect();
                }}
              >
                {item.icon && <span className="menu-item-icon">{item.icon}</span>}
                <span className="menu-item-label">{item.label}</span>
                {item.checked && <span className="menu-item-check">✓</span>}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
