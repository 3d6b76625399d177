package dev.flywheel.eclipse.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;

/** Builds and fills the SWTChart charts of the Flywheel views, so they look alike. */
public final class Charts {

    private Charts() {}

    /** An empty chart titled {@code title} with axis titles. */
    public static Chart create(Composite parent, String title, String xTitle, String yTitle) {
        Chart chart = new Chart(parent, SWT.NONE);
        chart.getTitle().setText(title);
        chart.getAxisSet().getXAxis(0).getTitle().setText(xTitle);
        chart.getAxisSet().getYAxis(0).getTitle().setText(yTitle);
        chart.getLegend().setVisible(false);
        return chart;
    }

    /** Replaces the chart's series by one bar per category; negative values are drawn in {@code negative}. */
    public static void bars(Chart chart, String id, String[] categories, double[] values, Color negative) {
        clear(chart);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.enableCategory(true);
        x.setCategorySeries(categories);
        IBarSeries<?> positive = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, id);
        positive.setYSeries(values.clone());
        if (negative != null) {
            double[] below = new double[values.length];
            double[] above = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                (values[i] < 0 ? below : above)[i] = values[i];
            }
            positive.setYSeries(above);
            IBarSeries<?> negatives = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, id + "-negative"); //$NON-NLS-1$
            negatives.setYSeries(below);
            negatives.setBarColor(negative);
            // not stacked: SWTChart refuses to stack negative values; a zero bar beside each one is invisible
        }
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /**
     * Replaces the chart's series by one bar per category, centred on it and labelled with its value in {@code format}
     * (a {@link java.text.DecimalFormat} pattern, e.g. {@code "+0.000;-0.000"}).
     */
    public static void labelledBars(Chart chart, String id, String[] categories, double[] values, String format) {
        clear(chart);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.enableCategory(true);
        x.setCategorySeries(categories);
        IBarSeries<?> bars = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, id);
        bars.setYSeries(values.clone());
        bars.getLabel().setFormat(format);
        bars.getLabel().setVisible(true);
        chart.getAxisSet().adjustRange();
        // room above and below the tallest bars for their labels, and a zero line inside the range
        var y = chart.getAxisSet().getYAxis(0);
        double low = Math.min(0, y.getRange().lower);
        double high = Math.max(0, y.getRange().upper);
        double margin = Math.max(0.05, (high - low) * 0.15);
        y.setRange(new org.eclipse.swtchart.Range(low - (low < 0 ? margin : 0), high + margin));
        chart.redraw();
    }

    /** Replaces the chart's series by one line per named series over the numeric {@code x}. */
    public static void lines(Chart chart, double[] x, String[] ids, double[][] ys) {
        clear(chart);
        chart.getAxisSet().getXAxis(0).enableCategory(false);
        for (int i = 0; i < ids.length; i++) {
            ILineSeries<?> line = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, ids[i]);
            line.setXSeries(x.clone());
            line.setYSeries(ys[i].clone());
            line.setLineColor(chart.getDisplay().getSystemColor(i == 0 ? SWT.COLOR_DARK_BLUE : SWT.COLOR_DARK_GREEN));
        }
        chart.getLegend().setVisible(ids.length > 1);
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /**
     * An empty chart of a test over time: the p-value per window on the left axis ({@code pTitle}), the statistic on a
     * second axis on the right ({@code statisticTitle}).
     */
    public static Chart createHistory(Composite parent, String title, String xTitle, String pTitle, String statisticTitle) {
        Chart chart = create(parent, title, xTitle, pTitle);
        IAxis statistic = chart.getAxisSet().getYAxis(chart.getAxisSet().createYAxis());
        statistic.setPosition(IAxis.Position.Secondary);
        statistic.getTitle().setText(statisticTitle);
        // Each axis title in its line's colour stands in for a legend, which would take room a small screen lacks.
        var display = chart.getDisplay();
        chart.getAxisSet().getYAxis(0).getTitle().setForeground(display.getSystemColor(SWT.COLOR_DARK_BLUE));
        statistic.getTitle().setForeground(display.getSystemColor(SWT.COLOR_DARK_GREEN));
        chart.addListener(SWT.Resize, e -> slantIfCrowded(chart));
        return chart;
    }

    /**
     * Fills a {@link #createHistory} chart: per window (the categories, oldest first) its p-value as a blue line of
     * labelled points, the significance level {@code alpha} as a dashed red line, and the statistic in green on the right
     * axis. The series are named by {@code names}: p-value, level, statistic.
     */
    public static void history(Chart chart, String[] windows, double[] pValues, double[] statistics, double alpha, String[] names) {
        clear(chart);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.enableCategory(true);
        x.setCategorySeries(windows);
        var display = chart.getDisplay();
        ILineSeries<?> p = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, names[0]);
        p.setYSeries(pValues.clone());
        p.setLineColor(display.getSystemColor(SWT.COLOR_DARK_BLUE));
        p.setSymbolType(ILineSeries.PlotSymbolType.CIRCLE);
        p.setSymbolColor(display.getSystemColor(SWT.COLOR_DARK_BLUE));
        p.getLabel().setFormat("0.000"); //$NON-NLS-1$
        p.getLabel().setVisible(true);
        double[] level = new double[windows.length];
        java.util.Arrays.fill(level, alpha);
        ILineSeries<?> threshold = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, names[1]);
        threshold.setYSeries(level);
        threshold.setLineColor(display.getSystemColor(SWT.COLOR_RED));
        threshold.setLineStyle(org.eclipse.swtchart.LineStyle.DASH);
        threshold.setSymbolType(ILineSeries.PlotSymbolType.NONE);
        ILineSeries<?> statistic = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, names[2]);
        statistic.setYSeries(statistics.clone());
        statistic.setYAxisId(chart.getAxisSet().getYAxisIds()[1]);
        statistic.setLineColor(display.getSystemColor(SWT.COLOR_DARK_GREEN));
        statistic.setSymbolType(ILineSeries.PlotSymbolType.SQUARE);
        statistic.setSymbolColor(display.getSystemColor(SWT.COLOR_DARK_GREEN));
        chart.getLegend().setVisible(false);
        chart.getAxisSet().adjustRange();
        // p-values live in [0, 1]; room above 1 for the labels of the highest points
        chart.getAxisSet().getYAxis(0).setRange(new org.eclipse.swtchart.Range(0, 1.15));
        // an unbiased MMD² of alike samples is about zero and may be negative: keep zero and every point in range
        var right = chart.getAxisSet().getYAxis(chart.getAxisSet().getYAxisIds()[1]);
        double low = Math.min(0, java.util.Arrays.stream(statistics).min().orElse(0));
        double high = Math.max(0, java.util.Arrays.stream(statistics).max().orElse(0));
        double margin = Math.max((high - low) * 0.15, 1e-6);
        right.setRange(new org.eclipse.swtchart.Range(low - (low < 0 ? margin : 0), high + margin));
        slantIfCrowded(chart);
        chart.redraw();
    }

    /** Slants the category labels that would overlap at the chart's width, rather than draw them over each other. */
    private static void slantIfCrowded(Chart chart) {
        IAxis x = chart.getAxisSet().getXAxis(0);
        String[] labels = x.getCategorySeries();
        if (chart.isDisposed() || labels == null) {
            return;
        }
        // a chart in a tab not yet shown has no size: its folder's is what it will get
        int width = Math.max(chart.getSize().x, chart.getParent().getClientArea().width);
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(chart);
        int needed = 0;
        try {
            gc.setFont(x.getTick().getFont());
            for (String label : labels) {
                needed += gc.textExtent(label).x + 8;
            }
        } finally {
            gc.dispose();
        }
        // the axes' titles and ticks take about a third of the width
        int angle = needed > width * 2 / 3 ? 45 : 0;
        if (x.getTick().getTickLabelAngle() != angle) {
            x.getTick().setTickLabelAngle(angle);
            chart.redraw();
        }
    }

    /** Removes every series. */
    public static void clear(Chart chart) {
        for (ISeries<?> series : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(series.getId());
        }
    }
}
