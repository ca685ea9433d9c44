import { css } from 'lit';
import { titledItemStyles } from '../../ui/titled-item.js';

export const careTeamStyles = [
  titledItemStyles,
  css`
    ul.members {
      list-style: none;
      margin: 0 0 4px;
      padding: 0;
    }
    .member {
      border-left: 3px solid var(--_surface);
      padding: 2px var(--_space);
      margin: 4px 0;
    }
    .member-name {
      font-weight: 600;
    }
    .member.left .member-name {
      font-weight: 400;
    }
    .member .detail {
      font-size: 0.875em;
    }
    ul.contacts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0 calc(var(--_space) * 2);
      font-size: 0.875em;
    }
    .contact-label,
    .ended {
      color: var(--_muted);
    }
  `,
];
