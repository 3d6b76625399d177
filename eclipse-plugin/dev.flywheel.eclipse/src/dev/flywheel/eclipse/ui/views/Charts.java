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

    /** Removes every series. */
    public static void clear(Chart chart) {
        for (ISeries<?> series : chart.getSeriesSet().getSeries()) {
            chart.getSeriesSet().deleteSeries(series.getId());
        }
    }
}
