// The unlocked app: sidebar, top bar and the current screen. Everything client-related lives
// below this component, so unmounting it on lock drops all of it at once.
import { Suspense, lazy, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortcut } from "../shortcut";
import Clients, { EMPTY_FILTERS, type ClientFilters } from "../screens/Clients";
import Today from "../screens/Today";
import { useSession } from "../session";
import { useSidebar } from "../sidebar";
import { useIdleLock } from "../useIdleLock";
import ClientPalette from "./ClientPalette";
import Icon, { type IconName } from "./Icon";
import LangToggle from "./LangToggle";
import "../narrow.css";
import "../shell.css";

// Today and the client list are where an officer starts; every other screen is its own chunk,
// fetched from the app's bundle the first time it opens, so a session that never opens the
// portfolio or Settings never parses them (issue 19, item 11: memory and start).
const ClientDetail = lazy(() => import("../screens/ClientDetail"));
const ClientForm = lazy(() => import("../screens/ClientForm"));
const Board = lazy(() => import("../screens/Board"));
const Funnel = lazy(() => import("../screens/Funnel"));
const Portfolio = lazy(() => import("../screens/Portfolio"));
const Settings = lazy(() => import("../screens/Settings"));

export type Route =
  | { name: "clients" }
  | { name: "client"; id: number; loanId?: number }
  | { name: "client-new" }
  | { name: "client-edit"; id: number }
  | { name: "settings" }
  | { name: "today" }
  | { name: "board" }
  | { name: "funnel" }
  | { name: "portfolio" };

type Section = "today" | "board" | "funnel" | "portfolio" | "clients" | "settings";

const NAV: readonly {
  section: Section;
  route: Route;
  label: "nav.clients" | "nav.settings" | "today.nav" | "board.nav" | "funnel.nav" | "portfolio.nav";
  icon: IconName;
}[] = [
  { section: "today", route: { name: "today" }, label: "today.nav", icon: "today" },
  { section: "board", route: { name: "board" }, label: "board.nav", icon: "board" },
  { section: "clients", route: { name: "clients" }, label: "nav.clients", icon: "clients" },
  { section: "funnel", route: { name: "funnel" }, label: "funnel.nav", icon: "funnel" },
  { section: "portfolio", route: { name: "portfolio" }, label: "portfolio.nav", icon: "portfolio" },
  { section: "settings", route: { name: "settings" }, label: "nav.settings", icon: "settings" },
];

function sectionOf(route: Route): Section {
  if (route.name === "settings" || route.name === "today" || route.name === "board" || route.name === "funnel" || route.name === "portfolio")
    return route.name;
  return "clients";
}

export default function Shell() {
  const { t } = useTranslation();
  const { status, lock } = useSession();
  const [route, setRoute] = useState<Route>({ name: "today" });
  // Kept here, not in the list screen, so "back to list" returns to the same search.
  const [filters, setFilters] = useState<ClientFilters>(EMPTY_FILTERS);

  const [palette, setPalette] = useState(false);
  const sidebar = useSidebar();

  useIdleLock(status.auto_lock_minutes, lock);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const key = e.key.toLowerCase();
      if (key === "l") {
        e.preventDefault();
        lock();
      } else if (key === "k") {
        // The global search, from any screen (also from inside a text field).
        e.preventDefault();
        setPalette(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [lock]);

  const active = sectionOf(route);

  let screen;
  switch (route.name) {
    case "clients":
      screen = (
        <Clients
          filters={filters}
          onFiltersChange={setFilters}
          onOpen={(id) => setRoute({ name: "client", id })}
          onNew={() => setRoute({ name: "client-new" })}
        />
      );
      break;
    case "client":
      screen = (
        <ClientDetail
          key={`${route.id}:${route.loanId ?? ""}`}
          id={route.id}
          loanId={route.loanId}
          onBack={() => setRoute({ name: "clients" })}
          onEdit={() => setRoute({ name: "client-edit", id: route.id })}
        />
      );
      break;
    case "client-new":
      screen = (
        <ClientForm
          onSaved={(id) => setRoute({ name: "client", id })}
          onCancel={() => setRoute({ name: "clients" })}
        />
      );
      break;
    case "client-edit":
      screen = (
        <ClientForm
          key={route.id}
          id={route.id}
          onSaved={(id) => setRoute({ name: "client", id })}
          onCancel={() => setRoute({ name: "client", id: route.id })}
        />
      );
      break;
    case "settings":
      screen = <Settings />;
      break;
    case "today":
      screen = <Today onOpen={(id) => setRoute({ name: "client", id })} onOpenLoan={(id, loanId) => setRoute({ name: "client", id, loanId })} />;
      break;
    case "board":
      screen = <Board onOpen={(id) => setRoute({ name: "client", id })} />;
      break;
    case "funnel":
      screen = <Funnel />;
      break;
    case "portfolio":
      screen = <Portfolio onOpenLoan={(id, loanId) => setRoute({ name: "client", id, loanId })} />;
      break;
  }

  return (
    <div className={sidebar.collapsed ? "shell collapsed" : "shell"} data-testid="shell" data-sidebar={sidebar.collapsed ? "collapsed" : "expanded"}>
      <aside className="sidebar">
        <div className="sidebar-brand" title={sidebar.collapsed ? `${t("app.brand")} · ${t("app.product")}` : undefined}>
          <div className="brand-mark small" aria-hidden="true">
            LD
          </div>
          <div className="sidebar-name">
            <span>{t("app.brand")}</span>
            <small>{t("app.product")}</small>
          </div>
        </div>
        <nav aria-label={t("nav.label")}>
          <ul>
            {NAV.map((item) => (
              <li key={item.section}>
                <button
                  type="button"
                  className={item.section === active ? "nav-item active" : "nav-item"}
                  aria-current={item.section === active ? "page" : undefined}
                  data-testid={`nav-${item.section}`}
                  title={sidebar.collapsed ? t(item.label) : undefined}
                  onClick={() => setRoute(item.route)}
                >
                  <Icon name={item.icon} />
                  <span className="nav-label">{t(item.label)}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          className="nav-item sidebar-toggle"
          data-testid="sidebar-toggle"
          aria-expanded={!sidebar.collapsed}
          title={sidebar.collapsed ? t("daily.sidebar.expand") : t("daily.sidebar.collapse")}
          aria-label={sidebar.collapsed ? t("daily.sidebar.expand") : t("daily.sidebar.collapse")}
          onClick={sidebar.toggle}
        >
          <Icon name={sidebar.collapsed ? "expand" : "collapse"} />
          <span className="nav-label">{t("daily.sidebar.collapse")}</span>
        </button>
      </aside>
      <div className="main">
        <header className="topbar">
          {status.current === "demo" && (
            <span className="badge badge-demo" data-testid="demo-badge" title={t("app.demoBadgeTitle")}>
              {t("app.demoBadge")}
            </span>
          )}
          <button
            type="button"
            className="topbar-search"
            data-testid="palette-open"
            title={t("daily.palette.openTitle", { shortcut: shortcut("K") })}
            onClick={() => setPalette(true)}
          >
            <Icon name="search" />
            <span className="topbar-search-text">{t("daily.palette.open")}</span>
            <kbd>{shortcut("K")}</kbd>
          </button>
          <div className="topbar-actions">
            <LangToggle />
            <button
              type="button"
              className="btn btn-secondary"
              data-testid="lock-button"
              title={t("shell.lockTitle", { shortcut: shortcut("L") })}
              onClick={lock}
            >
              <Icon name="lock" />
              {t("shell.lock")}
            </button>
          </div>
        </header>
        <main className="content">
          <Suspense fallback={<p className="muted">{t("app.loading")}</p>}>{screen}</Suspense>
        </main>
      </div>
      {palette && <ClientPalette onClose={() => setPalette(false)} onOpen={(id) => setRoute({ name: "client", id })} />}
    </div>
  );
}
