import ApexCharts from 'apexcharts';

/**
 * <miniman-apex-chart>: renders the JSON options the server sets and takes single points appended
 * by the server. It keeps a bounded window of points per series so a chart left open for hours does
 * not grow without limit in the browser.
 */
const connected = new Set();
// a chart drawn before the user switched between light and dark is drawn again in the new scheme
new MutationObserver(() => connected.forEach((chart) => chart._render()))
  .observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });

class MinimanApexChart extends HTMLElement {
  set options(value) {
    this._options = typeof value === 'string' ? JSON.parse(value) : value;
    this._render();
  }

  get options() {
    return this._options;
  }

  connectedCallback() {
    this.style.display = 'block';
    connected.add(this);
    this._render();
  }

  disconnectedCallback() {
    connected.delete(this);
    if (this._chart) {
      this._chart.destroy();
      this._chart = null;
    }
  }

  _render() {
    if (!this.isConnected || !this._options) {
      return;
    }
    if (this._chart) {
      this._chart.destroy();
    }
    const options = structuredClone(this._options);
    const extra = options.miniman || { unit: '', decimals: 1, maxPoints: 150 };
    delete options.miniman;
    this._maxPoints = extra.maxPoints;
    const format = (v) => (v === null || v === undefined ? '' : Number(v).toFixed(extra.decimals) + extra.unit);
    // a timeline's y axis holds row names and its tooltip shows the bar's own times
    const timeline = options.chart.type === 'rangeBar';
    if (options.yaxis && !timeline) {
      options.yaxis.labels = { formatter: format };
    }
    options.tooltip = timeline ? { x: { format: 'HH:mm:ss' } } : { y: { formatter: format }, x: { format: 'HH:mm:ss' } };
    if (options.chart.type === 'radialBar') {
      options.plotOptions = { radialBar: { dataLabels: { value: { formatter: format } } } };
    }
    options.theme = { mode: document.documentElement.getAttribute('theme') === 'dark' ? 'dark' : 'light' };
    // ApexCharts' dark mode paints its own grey box; the card behind the chart already has the scheme's colour
    options.chart.background = 'transparent';
    this._data = Array.isArray(options.series) && options.series.length && typeof options.series[0] === 'object'
      ? options.series.map((s) => s.data.slice())
      : null;
    this._chart = new ApexCharts(this, options);
    this._chart.render();
  }

  appendPoint(series, x, y) {
    if (!this._chart || !this._data || !this._data[series]) {
      return;
    }
    const data = this._data[series];
    data.push([x, y]);
    if (data.length > this._maxPoints) {
      data.splice(0, data.length - this._maxPoints);
    }
    this._chart.updateSeries(this._data.map((points) => ({ data: points })), false);
  }

  setValues(values) {
    if (this._chart) {
      this._chart.updateSeries(values, false);
    }
  }
}

customElements.define('miniman-apex-chart', MinimanApexChart);
