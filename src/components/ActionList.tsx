// What waits for the signed-in person, one row each: the count in words and a link to where it is done
// (the leader home's 待办 and the dashboard's 资金事项待我处理 card). Rows are full-width links at least 44 px
// tall (56 px on the leader home, leader.css) so an older hand hits them.
import { RightOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import "./lists.css";

export interface ActionLink {
  key: string;
  text: string;
  to: string;
}

export function ActionList({ items, testId }: { items: readonly ActionLink[]; testId?: string }) {
  return (
    <ul className="action-list" data-testid={testId}>
      {items.map((i) => (
        <li key={i.key}>
          <Link to={i.to} className="action-row" data-testid={`action-${i.key}`}>
            <span>{i.text}</span>
            <RightOutlined aria-hidden />
          </Link>
        </li>
      ))}
    </ul>
  );
}
