import { css } from 'lit';
import { titledItemStyles } from '../../ui/titled-item.js';

export const carePlansStyles = [
  titledItemStyles,
  css`
    .setting {
      font-weight: 600;
    }
    .description {
      margin: 4px 0;
    }
    ol.activities {
      margin: 0 0 4px;
      padding-left: calc(var(--_space) * 3);
    }
    .activity {
      margin: 4px 0;
    }
    .activity-name {
      font-weight: 600;
    }
    .activity .detail {
      display: block;
      font-size: 0.875em;
    }
    .do-not-perform {
      font-weight: 700;
      text-transform: uppercase;
      border: 2px solid var(--_text);
      padding: 0 4px;
      margin-right: 4px;
    }
  `,
];
