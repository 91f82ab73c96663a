// CFADS against debt service per period (bars) with the DSCR and its target on a second axis
// (lines), drawn by Apache ECharts: only the bar and line charts, the grid, tooltip and legend,
// and the canvas renderer are taken in, and this file is only reached through the lazily loaded
// Project model tab, so ECharts is a chunk of its own. The figures are plotted from the core's
// decimal strings; the tooltip shows those strings, never a float's rendering of them.
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { ProjectModel } from "../../bindings";
import { formatMoney } from "../../money";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The theme's colours, read from the CSS variables so the chart follows light and dark. */
function palette(el: HTMLElement) {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    cfads: v("--primary", "#1f5fbf"),
    debtService: v("--warn", "#9a6200"),
    dscr: v("--ok", "#16794a"),
    target: v("--danger", "#c3372f"),
    text: v("--text-2", "#5a6678"),
    grid: v("--border", "#dfe4ec"),
    surface: v("--surface", "#ffffff"),
    textStrong: v("--text", "#1c2533"),
  };
}

/** Bumped when the OS switches between light and dark. */
function useColorScheme(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const bump = () => setVersion((v) => v + 1);
    media.addEventListener("change", bump);
    return () => media.removeEventListener("change", bump);
  }, []);
  return version;
}

interface Props {
  model: ProjectModel;
  targetDscr: string | null;
}

export default function ModelChart({ model, targetDscr }: Props) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  const scheme = useColorScheme();

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: "canvas" });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    const el = box.current;
    if (!c || !el) return;
    const colors = palette(el);
    const periods = model.periods;
    const names = {
      cfads: t("projectModel.chartSeries.cfads"),
      debtService: t("projectModel.chartSeries.debtService"),
      dscr: t("projectModel.chartSeries.dscr"),
      target: t("projectModel.chartSeries.target"),
    };
    const dscr = periods.map((p) => (p.dscr === null ? null : Number(p.dscr)));
    const option: Option = {
      animation: false,
      color: [colors.cfads, colors.debtService, colors.dscr, colors.target],
      textStyle: { fontFamily: getComputedStyle(el).fontFamily },
      grid: { left: 8, right: 8, top: 52, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, right: 48, textStyle: { color: colors.text }, itemGap: 14 },
      tooltip: {
        trigger: "axis",
        backgroundColor: colors.surface,
        borderColor: colors.grid,
        textStyle: { color: colors.textStrong },
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const i = list[0]?.dataIndex ?? 0;
          const p = periods[i];
          if (!p) return "";
          const line = (marker: unknown, name: string, value: string) =>
            `${typeof marker === "string" ? marker : ""}${escapeHtml(name)}&nbsp;&nbsp;<b>${escapeHtml(value)}</b>`;
          const markers = new Map(list.map((x) => [x.seriesName, x.marker]));
          return [
            escapeHtml(t("projectModel.periodN", { n: p.period })),
            line(markers.get(names.cfads), names.cfads, formatMoney(p.cfads)),
            line(markers.get(names.debtService), names.debtService, formatMoney(p.debt_service)),
            line(markers.get(names.dscr), names.dscr, p.dscr ?? "—"),
          ].join("<br/>");
        },
      },
      xAxis: {
        type: "category",
        data: periods.map((p) => String(p.period)),
        axisLabel: { color: colors.text },
        axisLine: { lineStyle: { color: colors.grid } },
        axisTick: { alignWithLabel: true },
      },
      yAxis: [
        {
          type: "value",
          axisLabel: { color: colors.text },
          splitLine: { lineStyle: { color: colors.grid } },
        },
        {
          type: "value",
          name: "DSCR",
          min: 0,
          nameTextStyle: { color: colors.text },
          axisLabel: { color: colors.text, formatter: (v: number) => v.toFixed(2) },
          splitLine: { show: false },
        },
      ],
      series: [
        { name: names.cfads, type: "bar", data: periods.map((p) => Number(p.cfads)), barGap: "10%", barMaxWidth: 28 },
        { name: names.debtService, type: "bar", data: periods.map((p) => Number(p.debt_service)), barMaxWidth: 28 },
        {
          name: names.dscr,
          type: "line",
          yAxisIndex: 1,
          data: dscr,
          symbol: "circle",
          symbolSize: 6,
          lineStyle: { width: 2 },
          connectNulls: false,
        },
        ...(targetDscr === null
          ? []
          : [
              {
                name: names.target,
                type: "line" as const,
                yAxisIndex: 1,
                data: periods.map(() => Number(targetDscr)),
                symbol: "none",
                lineStyle: { type: "dashed" as const, width: 1.5 },
                tooltip: { show: false },
              },
            ]),
      ],
    };
    c.setOption(option, { notMerge: true });
  }, [model, targetDscr, t, i18n.language, scheme]);

  const min = model.min_dscr ?? "—";
  return (
    <div
      ref={box}
      className="pm-chart"
      data-testid="pm-chart"
      data-periods={model.periods.length}
      role="img"
      aria-label={`${t("projectModel.chartLabel")} (${t("projectModel.r.minDscr")} ${min})`}
    />
  );
}
