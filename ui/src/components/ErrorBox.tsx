import { useTranslation } from "react-i18next";
import type { ApiError } from "../api";
import { describeError } from "../errors";

/** A failed operation, as a banner: the message in the officer's language, the cause below. */
export default function ErrorBox({ error, testId = "error-message" }: { error: ApiError | null; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const shown = describeError(t, error);
  return (
    <div className="alert alert-error" role="alert" data-testid={testId} data-error-code={error.code}>
      <div>{shown.message}</div>
      {shown.detail && <div className="alert-detail">{t("errors.detail", { message: shown.detail })}</div>}
    </div>
  );
}
