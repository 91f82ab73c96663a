// The frame every dialog shares: a backdrop that closes it, Escape that closes it, and the
// dialog's role and label for assistive technology. What is inside is the dialog's own.
import type { ReactNode } from "react";
import { useEscape } from "../useEscape";

interface Props {
  /** The id of the dialog's heading, which labels it. */
  labelledBy: string;
  describedBy?: string;
  testId: string;
  onClose: () => void;
  /** "alertdialog" for a confirmation. */
  role?: "dialog" | "alertdialog";
  className?: string;
  /** Extra attributes tests read (data-*). */
  data?: Record<`data-${string}`, string | number>;
  children: ReactNode;
}

export default function Modal({ labelledBy, describedBy, testId, onClose, role = "dialog", className, data, children }: Props) {
  useEscape(onClose);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className={className ? `modal ${className}` : "modal"}
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        data-testid={testId}
        {...data}
        onClick={(e) => e.stopPropagation()}
      >
        {children}
      </div>
    </div>
  );
}
