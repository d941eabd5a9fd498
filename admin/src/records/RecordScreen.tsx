// Route /tasks/:taskId/records/:targetId: the record form of one drawn target (lazy chunk, App.tsx).
import { Title, useParams, useTranslate } from 'react-admin';

import { RecordForm } from './RecordForm';

const RecordScreen = () => {
    const { taskId, targetId } = useParams<{ taskId: string; targetId: string }>();
    const translate = useTranslate();
    if (!taskId || !targetId) return null;
    return (
        <>
            <Title title={translate('recordForm.title')} />
            <RecordForm key={`${taskId}/${targetId}`} taskId={taskId} targetId={targetId} />
        </>
    );
};

export default RecordScreen;
