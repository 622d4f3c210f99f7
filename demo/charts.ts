// The live loss and accuracy charts (Chart.js): a point per progress report and per epoch.
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Tooltip,
);

function lineChart(canvas: HTMLCanvasElement, label: string, color: string, max?: number): Chart {
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        {
          label: `${label} (training, running)`,
          data: [],
          borderColor: color,
          pointRadius: 0,
          borderWidth: 1.5,
        },
        {
          label: `${label} (test, per epoch)`,
          data: [],
          borderColor: '#e07b00',
          backgroundColor: '#e07b00',
          pointRadius: 3,
          showLine: true,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      scales: {
        x: { type: 'linear', title: { display: true, text: 'epoch' }, min: 0 },
        y: { type: 'linear', min: 0, max },
      },
      plugins: { legend: { labels: { boxHeight: 2 } } },
    },
  });
}

export class TrainingCharts {
  private readonly loss: Chart;
  private readonly accuracy: Chart;

  constructor(lossCanvas: HTMLCanvasElement, accuracyCanvas: HTMLCanvasElement) {
    this.loss = lineChart(lossCanvas, 'loss', '#2557d6');
    this.accuracy = lineChart(accuracyCanvas, 'accuracy', '#1a9e54', 1);
  }

  reset(): void {
    for (const c of [this.loss, this.accuracy]) {
      c.data.datasets.forEach((d) => (d.data = []));
      c.update();
    }
  }

  /** A running value at fractional epoch `x`. */
  addTraining(x: number, loss: number, accuracy: number): void {
    this.loss.data.datasets[0].data.push({ x, y: loss });
    this.accuracy.data.datasets[0].data.push({ x, y: accuracy });
    this.loss.update();
    this.accuracy.update();
  }

  addTest(epoch: number, loss: number, accuracy: number): void {
    this.loss.data.datasets[1].data.push({ x: epoch, y: loss });
    this.accuracy.data.datasets[1].data.push({ x: epoch, y: accuracy });
    this.loss.update();
    this.accuracy.update();
  }
}
